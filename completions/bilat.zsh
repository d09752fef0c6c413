#compdef bilat

_bilat_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _BILAT_COMPLETE=complete_zsh bilat)
}

compdef _bilat_completion bilat
