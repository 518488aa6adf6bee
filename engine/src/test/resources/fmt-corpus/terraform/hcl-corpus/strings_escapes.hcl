locals {
  newline   = "a\nb"
  carriage  = "a\rb"
  tab       = "a\tb"
  quote     = "say \"hi\""
  backslash = "C:\\path\\to"
  unicode4  = "caf\u00e9"
  unicode8  = "smile \U0001F600"
  all       = "\n\r\t\"\\\u0041"
  empty     = ""
  spaces    = "  padded  "
}
