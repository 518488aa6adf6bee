locals {
  t = <<EOT
%{ for p in var.ports ~}
  port=${ p }
%{ endfor ~}
%{if var.x}yes%{else}no%{endif}
EOT
  u = "%{ if var.a }a%{ endif }"
  v = "${ var.a }-${var.b}"
}
