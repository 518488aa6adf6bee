# top	
/* multi
      line */
locals { # after brace	
  a = 1 /* inline */
  # indented wrong
  # very indented 
  b = [ # in list	
    1,  # one 
    2 /* two */,
  ]
  c = 2 // slashes
  //outdented
} # after close

/**/
#no space
    
