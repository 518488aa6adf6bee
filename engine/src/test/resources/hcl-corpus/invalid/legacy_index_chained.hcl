locals {
  c = var.matrix.1.2
}
