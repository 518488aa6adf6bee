locals {
  simple  = var.enabled ? "on" : "off"
  nested  = var.a ? var.b ? 1 : 2 : 3
  chained = var.x == 1 ? "one" : var.x == 2 ? "two" : "many"
  in_list = [var.a ? 1 : 0]
  multi = (
    var.enabled
    ? "yes"
    : "no"
  )
}
