locals {
  eq   = var.a == "x"
  ne   = var.a != "x"
  cmp  = var.a < 1 == var.b > 2
  null = var.x == null
}
