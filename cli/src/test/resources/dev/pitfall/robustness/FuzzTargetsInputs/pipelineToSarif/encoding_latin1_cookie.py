# -*- coding: latin-1 -*-
greeting = 'café'
