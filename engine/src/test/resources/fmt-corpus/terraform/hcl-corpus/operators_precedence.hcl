locals {
  p1 = 1 + 2 * 3
  p2 = (1 + 2) * 3
  p3 = -1 + 2
  p4 = 10 - 4 - 3
  p5 = 2 * 3 % 4
  p6 = var.a ? 1 + 2 : 3 * 4
  p7 = var.a == 1 && var.b != 2 || !var.c
}
