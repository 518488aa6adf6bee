locals {
  a    = 1
  bb = "${var.x}"
}
