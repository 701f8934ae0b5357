import BackpropCommands
var session = Session()
while let line = readLine() {
  print("> \(line)")
  switch session.execute(line) {
  case .success(let out): out.lines.forEach { print($0) }
  case .failure(let e): print(e.pointer(under: line, prompt: "> ")); print("error: \(e)")
  }
}
