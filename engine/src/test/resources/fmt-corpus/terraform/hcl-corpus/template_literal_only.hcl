locals {
  a = "literal"
  b = 1
  c = "pre ${true} post"
  d = "%{if true}yes%{endif}"
}
