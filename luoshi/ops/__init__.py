"""Operations an administrator runs: backup and restore (the `luoshi backup` and `restore` commands)."""
