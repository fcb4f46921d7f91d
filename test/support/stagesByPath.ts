// The Tasks Stage drop-down that follows the row's Path (SPEC section 2: "list of that path's
// stages"), written out by hand as it reads for the first data row of a table at A1 (Path in C).

export const STAGES_BY_PATH =
  '=IF(OR(LOWER(TRIM($C2))="existing customer",LOWER(TRIM($C2))="老客户"),List_StagesExisting,' +
  'IF(OR(LOWER(TRIM($C2))="new customer",LOWER(TRIM($C2))="新客户"),List_StagesNew,List_Stage))';
