variable "a" { default = 1 }
variable "b" {}
variable "c" { type = string }
lifecycle { create_before_destroy = true }
