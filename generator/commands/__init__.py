"""One module per `fengcai` sub-command: `add_arguments(parser)` and `run(args) -> int`."""
