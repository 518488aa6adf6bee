locals {
  upper   = [for s in var.list : upper(s)]
  indexed = [for i, s in var.list : "${i}=${s}"]
  cond    = [for s in var.list : s if s != ""]
  nested  = [for x in [for y in var.l : y * 2] : x + 1]
  literal = [for x in [1, 2, 3] : x]
}
