variable "a" {
  type = string
}

variable "b" {
  type = list
}

variable "c" {
  type = map
}

variable "d" {
  type = set
}

variable "e" {
  type = "string"
}

variable "f" {
  type = "set"
}

variable "g" {
  type = object({
  foo = string
  })
}

variable "h" {
  type = list(
    object({
      foo = bool
    })
  )
}
locals {
  type = "list"
}
