locals {
  list   = "%{for x in var.items}${x},%{endfor}"
  pairs  = "%{for k, v in var.map}${k}=${v};%{endfor}"
  strip  = "%{~for x in var.items~} [${x}] %{~endfor~}"
  interp = "a ${~var.x~} b"
}
