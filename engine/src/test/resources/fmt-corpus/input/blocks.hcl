a {}
b { }
c {
}
d { x = 1 }
e {x=1}
block label1 "label2" {
}
f "x" {


  y = 1


}



g {}
