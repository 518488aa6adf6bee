locals {
  none     = timestamp()
  one      = upper("x")
  two      = max(1, 2)
  nested   = join(",", concat(["a"], ["b", "c"]))
  trailing = max(1, 2, )
  multi = merge(
    { a = 1 },
    { b = 2 },
  )
  dashed = can(var.x)
}
