locals {
  yes  = true
  no   = false
  none = null
  not  = !true
  list = [true, false, null]
}
