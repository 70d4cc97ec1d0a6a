// TEMPORARY: being written by the applications helper; replaced by the real EntityFactory.
export class EntityFactory {}
