locals {
  list = [
  1,
      2,
    3
  ]
  obj = {
  a = 1
      bb = 2
  }
  call = merge(
  {a = 1},
    {b = 2},
  )
  nested = [[
    1
  ]]
  cond = var.x ? [
    1
  ] : []
}
