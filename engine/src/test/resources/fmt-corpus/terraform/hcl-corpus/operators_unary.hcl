locals {
  neg    = -var.x
  not    = !var.enabled
  notnot = !!var.enabled
  negneg = --var.x
  neglit = -5
  negpar = -(var.a + 1)
  notcmp = !(var.a == 1)
}
