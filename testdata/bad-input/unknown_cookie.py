# -*- coding: ebcdic-martian -*-
x = 1
