// double slash comment
locals {
  // inside
  a = 1     // trailing
  b = "two" // also trailing
}
