from bilat.launch import main  # as the bilat command: TABs and plain command lines answered before the app loads

main()
