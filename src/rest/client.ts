// TEMPORARY: being written by the REST helper; replaced by the real RESTClient.
export class RESTClient {}
