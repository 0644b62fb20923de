"""Reading and analysing the French page, before any model: bytes to text (`reader`), is it
French (`language`), page furniture out (`lines`, `clean`, `layout`), quotations (`quotes`)
and sentences (`sentences`)."""
