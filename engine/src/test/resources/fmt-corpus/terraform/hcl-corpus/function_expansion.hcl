locals {
  a = max(var.numbers...)
  b = concat(["x"], var.lists...)
  c = min([1, 2, 3]...)
  d = format("%s-%s", var.parts...)
}
