locals {
  a = "no end
}
