locals {
  empty    = []
  one      = [1]
  many     = [1, "two", 3.0, true, null]
  trailing = [1, 2, 3, ]
  nested   = [[1, 2], [3, [4, 5]], []]
  multi = [
    "a",
    "b",
    "c",
  ]
  refs = [var.a, local.b, upper("c")]
}
