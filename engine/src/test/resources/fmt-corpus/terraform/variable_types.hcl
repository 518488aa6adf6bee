variable "a" {
  type = string
}

variable "b" {
  type = list(any)
}

variable "c" {
  type = map(any)
}

variable "d" {
  type = set(any)
}

variable "e" {
  type = string
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
