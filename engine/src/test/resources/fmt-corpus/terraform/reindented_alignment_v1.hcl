locals {
  a   = 1
  bbb = 2
  cc  = 3

  after_blank = 4
  x           = 5
  # a comment breaks the group	
  longer_name = 6
  y           = 7
}
 
