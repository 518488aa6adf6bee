variable "a" {
  type = string
}
variable "b" {
  type = list(string)
}
variable "c" {
  type = map(string)
}
variable "d" { type = list(string) }
variable "e" {
  type = map(object({ a = string, b = number }))
}
