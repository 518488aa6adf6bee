locals {
  a = 1 # c
}
# last