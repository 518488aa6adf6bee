locals {
  both  = "a ${~"b"~} c"
  left  = "a   ${~var.x}"
  right = "${var.x~}   b"
  dir   = "x %{~if true~} y %{~endif~} z"
}
