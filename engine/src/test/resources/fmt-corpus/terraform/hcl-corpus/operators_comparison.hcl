locals {
  lt    = var.a < 1
  le    = var.a <= 1
  gt    = var.a > 1
  ge    = var.a >= 1
  arith = var.a + 1 > var.b * 2
}
