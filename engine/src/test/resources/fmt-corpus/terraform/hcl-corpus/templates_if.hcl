locals {
  a = "%{if var.enabled}on%{endif}"
  b = "%{if var.enabled}on%{else}off%{endif}"
  c = "x%{if var.n > 1}s%{endif}"
  d = "%{if var.a}${var.b}%{else}none%{endif}!"
}
