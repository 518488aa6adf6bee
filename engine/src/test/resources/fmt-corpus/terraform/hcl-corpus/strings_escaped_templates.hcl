locals {
  dollar  = "$${not_interpolated}"
  percent = "%%{not_a_directive}"
  both    = "$${a} and %%{b}"
  lone    = "cost: $5 and 100%"
  mixed   = "$${literal} ${var.real}"
}
