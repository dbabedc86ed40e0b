INSERT INTO steps VALUES (2, 'second')
