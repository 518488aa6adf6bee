locals {
  a = (1)
  b = ((var.x))
  c = (var.a + var.b) * var.c
  d = (var.list)[0]
  e = upper((var.s))
  f = [(1), (2)]
}
