locals {
  keys = {
    ident        = 1
    "quoted"     = 2
    "dash-key"   = 3
    (var.dyn)    = 4
    "${var.t}-x" = 5
    var.scoped   = 6
    42           = 7
  }
}
