locals {
  inline   = { a = 1, b = 2, c = 3 }
  trailing = { a = 1, b = 2, }
  colon    = { a : 1, b : "x" }
  mixed = {
    a = 1, b = 2
    c = 3
  }
}
