locals {
  mul   = var.a * 2
  div   = var.a / 2
  mod   = var.a % 3
  chain = var.a * var.b / var.c % var.d
}
