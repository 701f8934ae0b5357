import BackpropApp

/// An app state as the TUI has it (interactive: long commands run as jobs on `.tick`), after the
/// given command lines; shared by the job tests.
func interactive(_ lines: [String]) -> AppState {
  var s = AppState(startScreen: false)
  s.isInteractive = true
  for line in lines { App.submit(line, &s) }
  return s
}
