locals {
  and  = var.a && var.b
  or   = var.a || var.b
  mix  = var.a || var.b && var.c
  full = !var.a && var.b == 1 || var.c < 2 + 3 * 4
}
