locals {
  add   = var.a + 1
  sub   = var.a - 1
  chain = var.a + var.b - var.c + 4
  mixed = var.a + var.b * var.c - var.d / 2
}
