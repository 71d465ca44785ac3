// Process and tmux helpers for the tests (filled in with the tmux harness).
