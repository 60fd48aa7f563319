-- Reserved for issue 14; filled in on its branch.
SELECT 1;
