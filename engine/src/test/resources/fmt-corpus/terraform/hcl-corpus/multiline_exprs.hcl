locals {
  call = format(
    "%s-%s",
    var.a,
    var.b
  )
  list = [
    1,
    2
  ]
  math = (
    var.a +
    var.b
  )
  nested = {
    list = [
      { a = 1 },
      { b = 2 },
    ]
  }
}
